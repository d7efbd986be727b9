import postcss from 'postcss';
import { slimNutui, usedNutuiProperties } from './nutui-slim';

const parse = (css: string) => postcss.parse(css);
const slim = (sheets: string[], scripts: string[] = []) =>
  slimNutui(sheets.map(parse), scripts).map((sheet) => sheet.toString());

describe('the weapp build drops NutUI CSS the app never applies', () => {
  it('drops the JD digit fonts and keeps any other @font-face', () => {
    const [out] = slim([
      '@font-face{font-family:JDZH-Regular;src:url(data:font/ttf;base64,AAAA)}' +
        "@font-face{font-family:'JDZH-Bold';src:url(x)}@font-face{font-family:Other;src:url(y)}.a{color:red}",
    ]);
    expect(out).toBe('@font-face{font-family:Other;src:url(y)}.a{color:red}');
  });

  it('drops right-to-left rules, and right-to-left selectors from mixed lists', () => {
    const [out] = slim([
      '.nut-rtl .nut-button{margin-left:0}[dir=rtl] .nut-dialog{left:0}' +
        '.nut-button,.nut-rtl .nut-button-icon{color:red}@media (min-width:1px){[dir=rtl] .x{top:0}}',
    ]);
    expect(out).toBe('.nut-button{color:red}@media (min-width:1px){}');
  });

  it('keeps every theme property a stylesheet or a script reads, directly or through another', () => {
    const theme =
      ':root,page{--nutui-color-primary:#fa2c19;--nutui-button-primary:var(--nutui-color-primary);' +
      '--nutui-badge-color:#fff;--nutui-in-script:1px;--nutui-unread:var(--nutui-badge-color)}';
    const component = '.nut-button{background:var(--nutui-button-primary,red)}';
    const script = 'e.style.setProperty("--nutui-in-script","2px")';
    expect([...usedNutuiProperties([parse(theme), parse(component)], [script])].sort()).toEqual([
      '--nutui-button-primary',
      '--nutui-color-primary',
      '--nutui-in-script',
    ]);
    const [themeOut, componentOut] = slim([theme, component], [script]);
    expect(themeOut).toBe(
      ':root,page{--nutui-color-primary:#fa2c19;--nutui-button-primary:var(--nutui-color-primary);' +
        '--nutui-in-script:1px}',
    );
    expect(componentOut).toBe(component);
  });

  it('keeps a property the app’s own theme sets when NutUI reads it', () => {
    const [ours] = slim([
      ':root{--nutui-color-primary:var(--zb-color-primary)}',
      '.x{color:var(--nutui-color-primary)}',
    ]);
    expect(ours).toBe(':root{--nutui-color-primary:var(--zb-color-primary)}');
  });
});
