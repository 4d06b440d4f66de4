#!/bin/sh
# The processes of the portal, one per container:
#   web        migrate, set the Wagtail Site's host from SITE_URL, serve with gunicorn
#   worker     background tasks of the default queue (search indexing…)
#   mailer     background tasks of the e-mail queue (notifications, digests)
#   scheduler  periodic jobs (scheduled publishing, search resync, digests, cleaning)
# Workers and scheduler wait until the web process has migrated the database. Any other
# command runs as given (e.g. `python manage.py createsuperuser`).
set -e
case "$1" in
    web)
        python manage.py migrate --noinput
        python manage.py configure_site
        exec gunicorn portal.wsgi:application \
            --bind 0.0.0.0:8000 \
            --workers "${WEB_CONCURRENCY:-3}" \
            --timeout "${GUNICORN_TIMEOUT:-60}" \
            --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
            --access-logfile - \
            --access-logformat '%(t)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms'
        ;;
    worker)
        exec python manage.py run_worker --queue-name default
        ;;
    mailer)
        exec python manage.py run_worker --queue-name email
        ;;
    scheduler)
        exec python manage.py run_scheduler
        ;;
    *)
        exec "$@"
        ;;
esac
