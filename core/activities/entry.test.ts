import { entryAccepted } from './entry';

describe('how a sign-in page was reached', () => {
  it.each([
    [undefined, true],
    [{ via: 'scan' as const }, true],
    [{ via: 'launch' as const, scene: 1011 }, true],
    [{ via: 'launch' as const, scene: 1047 }, true],
    [{ via: 'launch' as const, scene: 1012 }, false],
    [{ via: 'launch' as const, scene: 1013 }, false],
    [{ via: 'launch' as const, scene: 1048 }, false],
    [{ via: 'launch' as const, scene: 1049 }, false],
    [{ via: 'launch' as const, scene: 1007 }, false],
    [{ via: 'launch' as const, scene: 1008 }, false],
    [{ via: 'launch' as const, scene: 1001 }, false],
  ])('%j → %s', (entry, accepted) => {
    expect(entryAccepted(entry)).toBe(accepted);
  });
});
