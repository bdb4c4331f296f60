import { describe, expect, it } from 'vitest';
import { lazyLogic } from './lazyLogic';

describe('lazyLogic', () => {
  it('loads once, and says it is loaded only once it is', async () => {
    let imports = 0;
    const logic = lazyLogic(async () => {
      imports += 1;
      return { answer: 42 };
    });
    expect(logic.loaded()).toBeUndefined();
    const [first, second] = await Promise.all([logic.load(), logic.load()]);
    expect(first).toBe(second);
    expect(logic.loaded()).toBe(first);
    await logic.load();
    expect(imports).toBe(1);
  });

  it('tries again after a failed load (a chunk can fail once, on a flaky link)', async () => {
    let attempts = 0;
    const logic = lazyLogic(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('network');
      return 'module';
    });
    await expect(logic.load()).rejects.toThrow('network');
    expect(logic.loaded()).toBeUndefined();
    await expect(logic.load()).resolves.toBe('module');
    expect(attempts).toBe(2);
  });
});
