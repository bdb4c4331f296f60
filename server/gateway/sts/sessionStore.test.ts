import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../gatewayTestFixtures';
import { SessionStore } from './sessionStore';

const reader = DEFAULT_CONFIG.roles[0]!;

describe('SessionStore', () => {
  it('issues keys that look like STS’s and finds the session by its access key', () => {
    const store = new SessionStore();
    const session = store.issue(reader, 's1', Date.parse('2026-01-15T11:20:30Z'), false);
    expect(session.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(session.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(session.arn).toBe('arn:aws:sts::850047500507:assumed-role/reader/s1');
    expect(session.assumedRoleId).toBe(`${reader.roleId}:s1`);
    expect(session.policy).toBe(reader.policy);
    expect(session.expiresAt).toBe('2026-01-15T11:20:30.000Z');
    expect(store.get(session.accessKeyId)).toBe(session);
  });

  it('forgets the oldest session past its bound, so memory stays bounded', () => {
    const store = new SessionStore(3);
    const sessions = Array.from({ length: 5 }, (_, i) => store.issue(reader, `s${i}`, 0, false));
    expect(store.size).toBe(3);
    expect(store.get(sessions[0]!.accessKeyId)).toBeUndefined();
    expect(store.get(sessions[1]!.accessKeyId)).toBeUndefined();
    expect(sessions.slice(2).every((session) => store.get(session.accessKeyId) === session)).toBe(
      true,
    );
  });
});
