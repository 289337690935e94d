import { findUnsubscribeToken, unsubscribeFromReminderEmails } from '@/lib/server/notifications/unsubscribe';

// The link in every reminder email. No sign-in: the token is the permission and can only stop
// reminder emails. GET only shows a button (mail scanners open links, and opening must change
// nothing); POST unsubscribes, both from that button and as RFC 8058's one-click POST
// (`List-Unsubscribe=One-Click`) that mail clients send on their own.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Rebound</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5"><h1 style="font-size: 1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: HEADERS });
}

const NOT_FOUND = () =>
  page(
    'This link does not work',
    '<p>This unsubscribe link is not valid. You can turn reminder emails off in Rebound under Notifications → Preferences.</p>',
    404,
  );

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  const found = await findUnsubscribeToken(token);
  if (!found) return NOT_FOUND();
  if (found.alreadyUnsubscribed)
    return page('Reminder emails are off', `<p>Rebound sends no reminder emails to ${escapeHtml(found.email)}.</p>`);
  return page(
    'Stop reminder emails?',
    `<p>Rebound will stop sending interview reminders to ${escapeHtml(found.email)}. Reminders in the app and on your devices stay as they are.</p><form method="post"><button type="submit" style="padding: 0.5rem 1rem">Stop reminder emails</button></form>`,
  );
}

export async function POST(_request: Request, { params }: Context) {
  const { token } = await params;
  const result = await unsubscribeFromReminderEmails(token);
  if (!result.found) return NOT_FOUND();
  return page(
    'Reminder emails are off',
    `<p>Rebound sends no more reminder emails to ${escapeHtml(result.email)}. You can turn them back on in Rebound under Notifications → Preferences.</p>`,
  );
}
