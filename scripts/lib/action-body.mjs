// What a server action's body must be for Next.js 16 to decode it
// (next/dist/server/app-render/action-handler.js), so the launcher can answer 400 for one it
// would answer 500 for. A POST with a Next-Action header is read by its Content-Type:
// - exactly application/x-www-form-urlencoded: not read at all (Next answers 404 unread);
// - starting with multipart/form-data: parsed by busboy, and the field named 0 holds the
//   JSON-encoded argument list (React's encodeReply sends that when a File or FormData is
//   among the arguments);
// - anything else (the browser sends text/plain;charset=UTF-8): all of it is that JSON.
// React revives the JSON recursively: a list nested a few thousand deep overflows the stack.
// The argument list must also be a list (or an object, which Next spreads as an array-like)
// of at most 1,000 arguments.
import busboy from 'next/dist/compiled/busboy/index.js';

/** Deeper than any argument a form sends, and far below where React's revival overflows. */
export const MAX_ACTION_BODY_DEPTH = 2_000;
/** Next.js refuses to call an action with more arguments (SERVER_ACTION_ARGS_LIMIT). */
export const MAX_ACTION_ARGUMENTS = 1_000;

/**
 * Whether Next.js would take the request for a server action call: a POST with a Next-Action
 * header, to a page. Route handlers under /api read their bodies themselves, and answer them.
 */
export function isServerActionCall(request) {
  if (request.method !== 'POST' || typeof request.headers['next-action'] !== 'string') return false;
  const pathname = (request.url ?? '/').split(/[?#]/, 1)[0];
  return !/^\/(api|_next)(\/|$)/.test(pathname);
}

/**
 * Why Next.js could not decode this server action body, or undefined when it can. `headers`
 * are the request's (busboy reads the boundary from them), `body` all of its bytes.
 */
export async function findActionBodyProblem(
  headers,
  body,
  { maxDepth = MAX_ACTION_BODY_DEPTH, maxFieldBytes = body.length } = {},
) {
  const contentType = headers['content-type'];
  if (contentType === 'application/x-www-form-urlencoded') return undefined;
  if (contentType?.startsWith('multipart/form-data')) {
    const root = await readMultipartRoot(headers, body, maxFieldBytes);
    if (typeof root !== 'string') return root.problem;
    return findArgumentListProblem(Buffer.from(root, 'utf8'), maxDepth);
  }
  return findArgumentListProblem(body, maxDepth) ?? findDanglingReference(body);
}

// React reads a string value that starts with "$" as a reference to another part of the reply
// ("$1", "$@1", "$K1", "$F1", …): a text body has no other part, so React waits for one that
// never comes and fails the request ("Connection closed."), and "$n" with no number throws in
// BigInt. The client escapes a typed "$" as "$$"; these are the forms that stand on their own.
const SELF_CONTAINED_REFERENCE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

/**
 * In a text body (already known to be valid JSON within the depth limit): the first string
 * value that refers to a part the body cannot carry, as a problem, or undefined. Object keys
 * are not read as references. Multipart bodies are left alone: their references point at
 * their other fields.
 */
export function findDanglingReference(bytes) {
  const pending = [JSON.parse(bytes.toString('utf8'))];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.startsWith('$') && !SELF_CONTAINED_REFERENCE.test(value))
        return 'it refers to a part of the request that was not sent';
    } else if (value !== null && typeof value === 'object') {
      pending.push(...Object.values(value));
    }
  }
  return undefined;
}

/**
 * The field React reads the argument list from: the first whose name, as a number, is 0
 * (resolveField reads `+name`, after an `S` prefix). A `{ problem }` when the body is not
 * multipart busboy can read to its end, or has no such field.
 */
function readMultipartRoot(headers, body, maxFieldBytes) {
  let parser;
  try {
    parser = busboy({ defParamCharset: 'utf8', headers, limits: { fieldSize: maxFieldBytes } });
  } catch {
    return Promise.resolve({ problem: 'its Content-Type is not multipart/form-data with a boundary' });
  }
  return new Promise((resolve) => {
    let root;
    let hasBase64File = false;
    parser.on('field', (name, value) => {
      const chunkId = name[0] === 'S' ? (name.length > 1 ? +name.slice(1) : NaN) : +name;
      if (root === undefined && chunkId === 0) root = value;
    });
    parser.on('file', (_name, stream, { encoding }) => {
      // React refuses a base64 file part outright.
      if (encoding.toLowerCase() === 'base64') hasBase64File = true;
      stream.resume();
    });
    parser.on('error', () => resolve({ problem: 'its multipart body is not well-formed' }));
    parser.on('close', () => {
      if (hasBase64File) resolve({ problem: 'its multipart body has a base64-encoded file' });
      else resolve(root ?? { problem: 'its multipart body has no argument list (field 0)' });
    });
    parser.end(body);
  });
}

const SPACE = 0x20,
  TAB = 0x09,
  LF = 0x0a,
  CR = 0x0d;
const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  COMMA = 0x2c,
  COLON = 0x3a,
  MINUS = 0x2d,
  PLUS = 0x2b,
  DOT = 0x2e;
const OPEN_LIST = 0x5b,
  CLOSE_LIST = 0x5d,
  OPEN_OBJECT = 0x7b,
  CLOSE_OBJECT = 0x7d;
const ZERO = 0x30,
  NINE = 0x39;
const LITERALS = new Map(
  [0x74, 0x66, 0x6e].map((first, index) => [first, Buffer.from(['true', 'false', 'null'][index])]),
);

const isSpace = (byte) => byte === SPACE || byte === TAB || byte === LF || byte === CR;
const isDigit = (byte) => byte >= ZERO && byte <= NINE;
const isHexDigit = (byte) => isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

/**
 * Why these bytes are not the JSON of an argument list Next.js can call an action with, or
 * undefined. One pass over the bytes with an explicit stack, so that no input, however deep,
 * costs more than its length; what JSON.parse accepts is accepted, up to maxDepth.
 */
export function findArgumentListProblem(bytes, maxDepth = MAX_ACTION_BODY_DEPTH) {
  let at = skipSpace(bytes, 0);
  if (at === bytes.length) return 'its body is empty';
  if (bytes[at] !== OPEN_LIST && bytes[at] !== OPEN_OBJECT) return 'its body is not a JSON list of arguments';
  const isRootList = bytes[at] === OPEN_LIST;
  // 1 for a list, 2 for an object, per level.
  const open = new Uint8Array(maxDepth);
  let depth = 0;
  let rootItems = 0;
  let expectValue = true;
  for (;;) {
    at = skipSpace(bytes, at);
    if (at === bytes.length) {
      if (depth > 0 || expectValue) return 'its body is not valid JSON';
      return rootItems > MAX_ACTION_ARGUMENTS ? `it passes more than ${MAX_ACTION_ARGUMENTS} arguments` : undefined;
    }
    const byte = bytes[at];
    if (depth === 0 && !expectValue) return 'its body is not valid JSON';
    if (expectValue) {
      if (byte === OPEN_LIST || byte === OPEN_OBJECT) {
        if (depth === maxDepth) return `its body is nested more than ${maxDepth} deep`;
        if (depth === 1 && isRootList) rootItems += 1;
        open[depth++] = byte === OPEN_LIST ? 1 : 2;
        at = skipSpace(bytes, at + 1);
        if (bytes[at] === (byte === OPEN_LIST ? CLOSE_LIST : CLOSE_OBJECT)) {
          depth -= 1;
          at += 1;
          expectValue = false;
        } else if (byte === OPEN_OBJECT) {
          at = scanKey(bytes, at);
          if (at < 0) return 'its body is not valid JSON';
        }
        continue;
      }
      if (depth === 1 && isRootList) rootItems += 1;
      at = scanScalar(bytes, at);
      if (at < 0) return 'its body is not valid JSON';
      expectValue = false;
      continue;
    }
    const container = open[depth - 1];
    if (byte === COMMA) {
      at += 1;
      expectValue = true;
      if (container === 2) {
        at = scanKey(bytes, skipSpace(bytes, at));
        if (at < 0) return 'its body is not valid JSON';
      }
    } else if (byte === (container === 1 ? CLOSE_LIST : CLOSE_OBJECT)) {
      at += 1;
      depth -= 1;
    } else {
      return 'its body is not valid JSON';
    }
  }
}

/** Where the next byte that is not JSON whitespace is. */
function skipSpace(bytes, at) {
  while (at < bytes.length && isSpace(bytes[at])) at += 1;
  return at;
}

/** Past `"key" :`, or -1. */
function scanKey(bytes, at) {
  if (bytes[at] !== QUOTE) return -1;
  at = scanString(bytes, at);
  if (at < 0) return -1;
  at = skipSpace(bytes, at);
  return bytes[at] === COLON ? at + 1 : -1;
}

/** Past a string, number, true, false or null starting at `at`, or -1. */
function scanScalar(bytes, at) {
  const byte = bytes[at];
  if (byte === QUOTE) return scanString(bytes, at);
  if (byte === MINUS || isDigit(byte)) return scanNumber(bytes, at);
  const literal = LITERALS.get(byte);
  if (!literal || at + literal.length > bytes.length) return -1;
  for (let index = 1; index < literal.length; index += 1) if (bytes[at + index] !== literal[index]) return -1;
  return at + literal.length;
}

/** Past the string whose opening quote is at `at`, or -1. Bytes from 0x80 up are UTF-8 (or become U+FFFD). */
function scanString(bytes, at) {
  at += 1;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte === QUOTE) return at + 1;
    if (byte < SPACE) return -1;
    if (byte !== BACKSLASH) {
      at += 1;
      continue;
    }
    const escaped = bytes[at + 1];
    if (escaped === 0x75) {
      for (let index = 2; index < 6; index += 1) if (!isHexDigit(bytes[at + index])) return -1;
      at += 6;
    } else if ([QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(escaped)) {
      at += 2;
    } else {
      return -1;
    }
  }
  return -1;
}

/** Past the number starting at `at` (-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?), or -1. */
function scanNumber(bytes, at) {
  if (bytes[at] === MINUS) at += 1;
  if (bytes[at] === ZERO) at += 1;
  else if (isDigit(bytes[at])) while (isDigit(bytes[at])) at += 1;
  else return -1;
  if (bytes[at] === DOT) {
    at += 1;
    if (!isDigit(bytes[at])) return -1;
    while (isDigit(bytes[at])) at += 1;
  }
  if (bytes[at] === 0x65 || bytes[at] === 0x45) {
    at += 1;
    if (bytes[at] === PLUS || bytes[at] === MINUS) at += 1;
    if (!isDigit(bytes[at])) return -1;
    while (isDigit(bytes[at])) at += 1;
  }
  return at;
}
