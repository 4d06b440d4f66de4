"""Flash Info, the newsletter: public subscription with double opt-in, one-click unsubscribe,
and the sending of a newsletter issue page to the subscribers from the admin, in batches
through the task queue, with its progress and log."""
