"""Running the portal in production: the scheduler of periodic jobs (``schedule``), the task
worker that recovers what a killed worker left behind (``workers``), and waiting for the
database's migrations before either starts (``migrations``)."""
