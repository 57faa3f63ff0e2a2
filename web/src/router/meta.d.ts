import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The route and its children need a logged-in session. */
    requiresAuth?: boolean;
    /** A logged-in user is sent on to the app instead. */
    guestOnly?: boolean;
    /** i18n key of the page title. */
    titleKey?: string;
    /** i18n key of the entry in the side navigation; routes without one are not listed. */
    navKey?: string;
    navIcon?: string;
    /**
     * The side navigation lists the entry only when the server's `can` of the current
     * organization allows this permission ("people.list").
     */
    can?: string;
    /**
     * A page about the caller's own person record (my shifts, my hours): the side navigation
     * lists it only when the session has a person (an admin account without one gets 403 there).
     */
    needsPerson?: boolean;
    /**
     * A page of one kind of work ("volunteering.lead": a team leader's or manager's pages): the
     * side navigation lists it only when the caller's workbench (GET /my/work) names this area,
     * i.e. when the server counts such work for the caller.
     */
    area?: string;
  }
}
