-- "4+1": a cadre's services by day (the cadre's yearly summary, the recount and verify-counters).
CREATE INDEX cadres_services_cadre ON cadres_services (cadre_id, served_on);
