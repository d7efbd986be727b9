import { tokenFrom } from './checkin-link';

const token = 'act-demo-now.TSkqQfrkDad';

describe('tokenFrom', () => {
  it.each([
    ['the token as the t query', { t: token }],
    ['a scanned link', { scanned: `https://zhibu.example.com/checkin?t=${token}` }],
    ['a link with more parameters', { scanned: `http://localhost:8080/checkin?from=qr&t=${token}` }],
    ['WeChat’s q launch parameter', { q: encodeURIComponent(`https://zhibu.example.com/checkin?t=${token}`) }],
    ['a token pasted with spaces', { scanned: `  ${token} ` }],
    ['a 小程序码’s scene in the launch query', { scene: encodeURIComponent(token) }],
    ['a 小程序码 read by the app’s scanner', { scanned: `pages/checkin/index?scene=${encodeURIComponent(token)}` }],
  ])('reads %s', (_label, input) => {
    expect(tokenFrom(input)).toBe(token);
  });

  it.each([
    ['nothing', {}],
    ['an unrelated link', { scanned: 'https://example.com/?x=1' }],
    ['text with spaces', { scanned: '签到 码' }],
    ['a malformed q', { q: '%E0%A4%A' }],
    ['a scene of another page', { scanned: 'pages/index/index?scene=%E7%AD%BE%E5%88%B0' }],
  ])('finds no token in %s', (_label, input) => {
    expect(tokenFrom(input)).toBeNull();
  });
});
