-- A person's accounts, looked up by every notification addressed to people (notifications/notify.cc):
-- without this index each lookup read every account, and a reminder job over a national network's
-- cadres (185,000 lookups) ran for many minutes.
CREATE INDEX auth_accounts_person ON auth_accounts (person_id);
