import 'server-only';
import { isSameOriginRequest } from '@/lib/server/push/same-origin';

export type UploadRules = {
  /** The largest file the route takes, counted as the body is read. */
  maxBytes: number;
  /** Media types the file may declare (lower case, no parameters). */
  types: readonly string[];
  /** File name endings (lower case, with the dot) accepted when the browser declares no useful type. */
  extensions: readonly string[];
  /** What the file is, for messages: "a calendar invitation (.ics)". */
  label: string;
};

export type Upload = { fileName: string; bytes: Uint8Array };

export type UploadRefusal = { status: 403 | 413 | 415 | 422; message: string };

export type UploadResult = { ok: true; upload: Upload } | { ok: false; refusal: UploadRefusal };

// Browsers send these for a file type they do not know (Windows without Office sends .csv as
// application/vnd.ms-excel, and Linux often sends .ics as application/octet-stream or nothing).
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream']);
const MULTIPART = 'multipart/form-data';

function mediaType(value: string | null | undefined): string {
  return (value ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

// A name as the browser or the query gave it, without control characters (PostgreSQL cannot
// store a NUL, and none of them belongs in a name shown back on the page).
function cleanFileName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'upload';
}

function refuse(status: UploadRefusal['status'], message: string): UploadResult {
  return { ok: false, refusal: { status, message } };
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function isAcceptedType(type: string, fileName: string, rules: UploadRules): boolean {
  if (rules.types.includes(type)) return true;
  const name = fileName.toLowerCase();
  return UNKNOWN_TYPES.has(type) && rules.extensions.some((extension) => name.endsWith(extension));
}

/**
 * The body, read chunk by chunk and given up as soon as it passes the limit, so a large upload
 * is never held whole (a declared Content-Length is not trusted: it is only a first check).
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return 'too-large';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * An uploaded file, checked in the order docs/ARCHITECTURE.md gives (the route has already
 * checked the user): the origin, the declared type, then the size while reading. The file comes
 * either as the whole body (its name in `?name=`) or as the one file part of a
 * multipart/form-data body. The content itself is the caller's to read.
 */
export async function readUpload(request: Request, rules: UploadRules): Promise<UploadResult> {
  if (!isSameOriginRequest(request)) return refuse(403, 'This upload did not come from Rebound.');
  const bodyType = mediaType(request.headers.get('content-type'));
  const queryName = new URL(request.url).searchParams.get('name') ?? '';
  const wrongType = () => refuse(415, `That file is not ${rules.label}.`);
  if (bodyType !== MULTIPART && !isAcceptedType(bodyType, queryName, rules)) return wrongType();

  // A multipart envelope adds a few hundred bytes around the file; the file itself is measured below.
  const envelope = bodyType === MULTIPART ? 16 * 1024 : 0;
  const tooLarge = () =>
    refuse(413, `That file is larger than ${formatMegabytes(rules.maxBytes)}. Split it and upload the parts.`);
  const body = await readLimited(request, rules.maxBytes + envelope);
  if (body === 'too-large') return tooLarge();

  if (bodyType !== MULTIPART) {
    if (body.byteLength === 0) return refuse(422, 'That file is empty.');
    return { ok: true, upload: { fileName: cleanFileName(queryName), bytes: body } };
  }

  let form: FormData;
  try {
    form = await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    return refuse(422, 'The upload could not be read. Choose the file again.');
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== 'string');
  const [file] = files;
  if (!file || files.length !== 1) return refuse(422, 'Send exactly one file.');
  if (!isAcceptedType(mediaType(file.type), file.name, rules)) return wrongType();
  if (file.size > rules.maxBytes) return tooLarge();
  if (file.size === 0) return refuse(422, 'That file is empty.');
  return { ok: true, upload: { fileName: cleanFileName(file.name), bytes: new Uint8Array(await file.arrayBuffer()) } };
}
