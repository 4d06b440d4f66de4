"""The activity report in the Wagtail admin: the page (tables, charts, year-over-year), its
printable version and its downloads (CSV, CSV for spreadsheets, JSON, Markdown).

Query parameters, in French like the rest of the admin's URLs: ``annee`` (the year; last year
by default), ``comparer`` ("0" to leave out the year before), ``separateur`` (";" for
spreadsheets). An invalid year is reported in French and the default year shown: never a 500.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import charts, exports
from .period import FIRST_YEAR, current_year, valid_year
from .permissions import check_view_activity_report
from .report import build_report
from .tables import field_table, network_table

NETWORK_CHARTS = (
    ("members", "Membres au 31 décembre"),
    ("meetings", "Rencontres"),
    ("participations", "Participations"),
)
FIELD_CHARTS = (("news", "Actualités"), ("briefs", "Brèves"))


def _choices(request):
    """(year, compare, error) from the query string."""
    raw = request.GET.get("annee")
    year = valid_year(raw) if raw else current_year() - 1
    error = ""
    if year is None:
        error = (
            f"Année invalide : « {raw} ». Choisissez une année entre {FIRST_YEAR} et "
            f"{current_year()}."
        )
        year = current_year() - 1
    return year, request.GET.get("comparer") != "0", error


def _report_context(year, compare):
    report = build_report(year, compare=compare)
    return {
        "report": report,
        "tables_list": [network_table(report), field_table(report)],
        "network_charts": [charts.network_chart(report, k, h) for k, h in NETWORK_CHARTS],
        "field_charts": [charts.field_chart(report, k, h) for k, h in FIELD_CHARTS],
    }


def _query(year, compare, **extra):
    params = {"annee": year, **extra}
    if not compare:
        params["comparer"] = "0"
    return "?" + urlencode(params)


class ActivityReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/admin/activity_report.html"
    header_icon = "doc-full"
    page_title = "Bilan d'activité"

    def dispatch(self, request, *args, **kwargs):
        check_view_activity_report(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.year)

    def get(self, request):
        self.year, self.compare, error = _choices(request)
        return self.render_to_response(self.get_context_data(error=error))

    def get_context_data(self, **kwargs):
        year, compare = self.year, self.compare
        base = reverse("reports:activity_report")
        downloads = [
            (
                "CSV",
                reverse("reports:activity_report_export", args=["csv"]) + _query(year, compare),
            ),
            (
                "CSV pour tableur (;)",
                reverse("reports:activity_report_export", args=["csv"])
                + _query(year, compare, separateur=";"),
            ),
            (
                "JSON",
                reverse("reports:activity_report_export", args=["json"]) + _query(year, compare),
            ),
            (
                "Markdown",
                reverse("reports:activity_report_export", args=["md"]) + _query(year, compare),
            ),
        ]
        return super().get_context_data(
            **_report_context(year, compare),
            years=list(range(current_year(), FIRST_YEAR - 1, -1)),
            year=year,
            compare=compare,
            base_url=base,
            print_url=reverse("reports:activity_report_print") + _query(year, compare),
            downloads=downloads,
            **kwargs,
        )


def activity_report_print(request):
    """The same report alone on a page, laid out for paper (or "print to PDF")."""
    check_view_activity_report(request.user)
    year, compare, error = _choices(request)
    context = {
        **_report_context(year, compare),
        "error": error,
        "year": year,
        "back_url": reverse("reports:activity_report") + _query(year, compare),
    }
    return render(request, "reports/admin/activity_report_print.html", context)


def activity_report_export(request, fmt):
    check_view_activity_report(request.user)
    raw = request.GET.get("annee")
    year = valid_year(raw) if raw else current_year() - 1
    if year is None:
        return HttpResponseBadRequest(
            f"Année invalide : « {raw} ».", content_type="text/plain; charset=utf-8"
        )
    separator = ";" if request.GET.get("separateur") == ";" else ","
    compare = request.GET.get("comparer") != "0"
    text = exports.render(build_report(year, compare=compare), fmt, separator)
    response = HttpResponse(text, content_type=exports.CONTENT_TYPES[fmt])
    suffix = "-tableur" if separator == ";" else ""
    response["Content-Disposition"] = f'attachment; filename="bilan-activite-{year}{suffix}.{fmt}"'
    return response
