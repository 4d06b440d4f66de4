#!/bin/sh
# web: migrate then serve with gunicorn; worker: consume background tasks (search sync,
# e-mails); any other command runs as given (e.g. `manage.py seed_demo`).
set -e
case "$1" in
    web)
        python manage.py migrate --noinput
        exec gunicorn portal.wsgi:application --bind 0.0.0.0:8000 \
            --workers "${WEB_CONCURRENCY:-3}" --access-logfile -
        ;;
    worker)
        exec python manage.py db_worker
        ;;
    *)
        exec "$@"
        ;;
esac
