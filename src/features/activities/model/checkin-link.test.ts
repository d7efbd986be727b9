import { tokenFrom } from './checkin-link';

const token = 'act-demo-now.179539920.TSkqQfrkDadt0jpPycGH-c';

describe('tokenFrom', () => {
  it.each([
    ['the token as the t query', { t: token }],
    ['a scanned link', { scanned: `https://zhibu.example.com/checkin?t=${token}` }],
    ['a link with more parameters', { scanned: `http://localhost:8080/checkin?from=qr&t=${token}` }],
    ['WeChat’s q launch parameter', { q: encodeURIComponent(`https://zhibu.example.com/checkin?t=${token}`) }],
    ['a token pasted with spaces', { scanned: `  ${token} ` }],
  ])('reads %s', (_label, input) => {
    expect(tokenFrom(input)).toBe(token);
  });

  it.each([
    ['nothing', {}],
    ['an unrelated link', { scanned: 'https://example.com/?x=1' }],
    ['text with spaces', { scanned: '签到 码' }],
    ['a malformed q', { q: '%E0%A4%A' }],
  ])('finds no token in %s', (_label, input) => {
    expect(tokenFrom(input)).toBeNull();
  });
});
