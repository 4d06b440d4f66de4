"""The demo content as plain Python data, written from the seeds.

Every module says which passage of which report each part comes from: the 2017 report is
`seeds/000_*.txt`, the 2023 report `seeds/003_*.txt`. Nothing here touches the database, so the
data can be checked by fast tests and reused by any seeding service.
"""
