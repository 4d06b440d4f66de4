"""Meetings ("rencontres") of a space (pending the meetings models)."""


def next_meeting(space):
    """The next meeting of the space, for its home page."""
    return None
