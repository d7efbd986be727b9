import { acceptedTemplates } from './consent';

it('keeps the templates the member accepted, not those refused, banned or never asked', () => {
  const answer = { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'ban', D: 'accept' };
  expect(acceptedTemplates(answer, ['A', 'B', 'C'])).toEqual(['A']);
  expect(acceptedTemplates({ errMsg: 'requestSubscribeMessage:ok' }, ['A'])).toEqual([]);
});
