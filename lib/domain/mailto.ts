/** RFC 6068 link: the address stays readable, everything else is percent-encoded, lines end CRLF. */
export function buildMailtoLink(mail: { recipient: string; subject: string; body: string }): string {
  const to = encodeURIComponent(mail.recipient).replace(/%40/g, '@');
  const subject = encodeURIComponent(mail.subject);
  const body = encodeURIComponent(mail.body.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${subject}&body=${body}`;
}
