// One employer however it was typed: "Fabrikam", " fabrikam " and "FABRIKAM" are one company, as
// the patterns page groups them (lower(btrim(company)) in lib/server/lessons/get-patterns.ts).

export function toCompanyKey(company: string): string {
  return company.trim().toLowerCase();
}

export function isSameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const key = toCompanyKey(a);
  return key.length > 0 && key === toCompanyKey(b);
}
