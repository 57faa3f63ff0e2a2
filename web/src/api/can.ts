// The server decides what the caller may do with an object and says so in its `can`
// (README: "the web shows exactly those buttons"); nothing in web/src derives a permission.

/** Whether an answer's `can` allows `permission` ("organizations.update", "people.list", …); a missing name is false. */
export function allows(subject: { can?: Readonly<Record<string, boolean>> } | null | undefined, permission: string): boolean {
  return subject?.can?.[permission] === true;
}
