import postcss, { type Root } from 'postcss';
import type { Compiler } from 'webpack';

/**
 * NutUI's CSS that the mini-program carries but never applies (issue 16: main package ≤ 600 KB):
 * - the theme's `@font-face` rules for the JD digit fonts (JDZH-*, 16.7 KB of base64), which only
 *   NutUI's Price and Badge set; the app uses neither;
 * - rules only for right-to-left layouts (`.nut-rtl …`, `[dir=rtl] …`); the app is never RTL;
 * - theme custom properties (`--nutui-*`) that no stylesheet and no script reads, directly or
 *   through another property that is read.
 */

const JD_FONT = /^['"]?JDZH-/;
const RTL = /\.nut-rtl\b|\[dir=['"]?rtl['"]?\]/;
const NUTUI_PROPERTY = /--nutui-[\w-]+/g;

const readsOf = (value: string) => new Set(value.match(NUTUI_PROPERTY) ?? []);

/** The NutUI custom properties read by any declaration that is not itself a NutUI property, or by scripts. */
export function usedNutuiProperties(sheets: readonly Root[], scripts: readonly string[]): Set<string> {
  const definitions = new Map<string, Set<string>>();
  const used = new Set<string>(scripts.flatMap((script) => script.match(NUTUI_PROPERTY) ?? []));
  for (const sheet of sheets)
    sheet.walkDecls((decl) => {
      if (decl.prop.startsWith('--nutui-')) {
        const reads = definitions.get(decl.prop) ?? new Set<string>();
        for (const read of readsOf(decl.value)) reads.add(read);
        definitions.set(decl.prop, reads);
      } else for (const read of readsOf(decl.value)) used.add(read);
    });
  const pending = [...used];
  while (pending.length) {
    const property = pending.pop() as string;
    for (const read of definitions.get(property) ?? [])
      if (!used.has(read)) {
        used.add(read);
        pending.push(read);
      }
  }
  return used;
}

/** Drops from `sheets` (in place) what the app never applies; returns them. */
export function slimNutui(sheets: readonly Root[], scripts: readonly string[]): readonly Root[] {
  const used = usedNutuiProperties(sheets, scripts);
  for (const sheet of sheets) {
    sheet.walkAtRules('font-face', (rule) => {
      let family = '';
      rule.walkDecls('font-family', (decl) => {
        family = decl.value;
      });
      if (JD_FONT.test(family)) rule.remove();
    });
    sheet.walkRules((rule) => {
      if (rule.selectors.every((selector) => RTL.test(selector))) rule.remove();
      else if (rule.selectors.some((selector) => RTL.test(selector)))
        rule.selectors = rule.selectors.filter((selector) => !RTL.test(selector));
    });
    sheet.walkDecls((decl) => {
      if (decl.prop.startsWith('--nutui-') && !used.has(decl.prop)) decl.remove();
    });
  }
  return sheets;
}

/** Applies slimNutui to the mini-program build's stylesheets, once they are minified. */
export class NutuiSlimPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('NutuiSlimPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'NutuiSlimPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        (assets) => {
          const names = Object.keys(assets);
          const styles = names.filter((name) => name.endsWith('.wxss'));
          const scripts = names.filter((name) => name.endsWith('.js')).map((name) => assets[name].source().toString());
          const sheets = styles.map((name) => postcss.parse(assets[name].source().toString(), { from: name }));
          slimNutui(sheets, scripts);
          styles.forEach((name, i) => compilation.updateAsset(name, new sources.RawSource(sheets[i].toString())));
        },
      );
    });
  }
}
