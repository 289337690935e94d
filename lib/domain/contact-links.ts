// Links that hand a detail of an interview to the phone's or the browser's own apps.

/** A maps search for an address; the plain search URL opens the maps app on phones too. */
export function mapsSearchUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address.trim())}`;
}

/** A tel: link for a number as typed ("020 7946 0000"): digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
