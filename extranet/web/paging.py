"""Pagination of the extranet's lists (topics, posts, documents, members)."""

from django.core.paginator import Paginator
from django.db.models import Q

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20
MEMBERS_PER_PAGE = 100


def paginate(request, queryset, per_page):
    """The page asked for by `?page=` ("last" for the last one); out-of-range gives the last."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page")
    if number == "last":
        number = paginator.num_pages
    return paginator.get_page(number)


def page_of_position(before, per_page=POSTS_PER_PAGE):
    """Page number of the post that comes after `before` others in its thread."""
    return before // per_page + 1


def page_of_post(posts, post, per_page=POSTS_PER_PAGE):
    """Page number of `post` within `posts` (ordered by creation), to link straight to it."""
    before = posts.filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    return page_of_position(before, per_page)
