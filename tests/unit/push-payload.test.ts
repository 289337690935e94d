import { buildInterviewPushPayload, MAX_PAYLOAD_BYTES, serializePushPayload } from '@/lib/server/push/payload';
import { isAcceptablePushEndpoint } from '@/lib/server/push/push-endpoint';

describe('buildInterviewPushPayload', () => {
  it('opens the interview, with "Running late" and "Directions" for an interview with an address', () => {
    expect(
      buildInterviewPushPayload({
        title: 'Acme at 10:00',
        body: 'Leave by 09:20.',
        interviewId: 'int_1',
        address: ' 1 High Street ',
        tag: 'r1',
      }),
    ).toEqual({
      title: 'Acme at 10:00',
      body: 'Leave by 09:20.',
      url: '/interviews/int_1',
      tag: 'r1',
      actions: [
        { action: 'running-late', title: 'Running late', url: '/interviews/int_1#running-late' },
        {
          action: 'directions',
          title: 'Directions',
          url: 'https://www.google.com/maps/search/?api=1&query=1%20High%20Street',
        },
      ],
    });
  });

  it('leaves out "Directions" without an address and "Running late" once it cannot apply', () => {
    expect(
      buildInterviewPushPayload({ title: 'Video call', body: 'Test your link.', interviewId: 'int_2', address: '  ' })
        .actions,
    ).toEqual([{ action: 'running-late', title: 'Running late', url: '/interviews/int_2#running-late' }]);
    const after = buildInterviewPushPayload({
      title: 'Did it happen?',
      body: 'Check in.',
      interviewId: 'int_3',
      canRunLate: false,
    });
    expect(after).not.toHaveProperty('actions');
    expect(after).not.toHaveProperty('tag');
  });

  it('encodes the id into the paths and shortens long text so the payload fits', () => {
    const payload = buildInterviewPushPayload({
      title: 'T'.repeat(500),
      body: '🦋'.repeat(2_000),
      interviewId: 'a/b?c',
      address: 'x'.repeat(300),
    });
    expect(payload.url).toBe('/interviews/a%2Fb%3Fc');
    expect(Array.from(payload.title)).toHaveLength(120);
    expect(payload.title.endsWith('…')).toBe(true);
    expect(Array.from(payload.body)).toHaveLength(600);
    expect(Buffer.byteLength(serializePushPayload(payload))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  });

  it('serializePushPayload refuses what would not fit in one push message', () => {
    expect(() => serializePushPayload({ title: 'x', body: 'y'.repeat(MAX_PAYLOAD_BYTES), url: '/' })).toThrow(
      RangeError,
    );
  });
});

describe('isAcceptablePushEndpoint', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:def',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
    'https://web.push.apple.com/QGx',
    'https://wns2-par02p.notify.windows.com/w/?token=x',
    'https://8.8.8.8/push',
  ])('accepts %s', (endpoint) => {
    expect(isAcceptablePushEndpoint(endpoint)).toBe(true);
  });

  it.each([
    'http://fcm.googleapis.com/fcm/send/abc',
    'https://user:pass@fcm.googleapis.com/x',
    'https://localhost/x',
    'https://LOCALHOST./x',
    'https://push.localhost/x',
    'https://127.0.0.1/x',
    'https://10.1.2.3/x',
    'https://172.16.0.1/x',
    'https://192.168.1.1/x',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/x',
    'https://0.0.0.0/x',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::127.0.0.1]/x',
    'https://[fd00::1]/x',
    'https://[fe80::1]/x',
    'https://2130706433/x',
    'not a url',
    `https://fcm.googleapis.com/${'x'.repeat(2_100)}`,
  ])('refuses %s', (endpoint) => {
    expect(isAcceptablePushEndpoint(endpoint)).toBe(false);
  });
});
