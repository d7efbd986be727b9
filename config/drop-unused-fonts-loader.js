/**
 * Webpack loader (config/prod.ts, mini-program only) for NutUI's theme stylesheet: drops its
 * `@font-face` rules for the JD digit fonts (JDZH-*), about 16 KB of base64 in the main package.
 * Only NutUI's Price and Badge set those fonts, and the app uses neither (it uses Button, Dialog and
 * Switch); should it ever use them, they fall back to the page's font.
 */
module.exports = function dropUnusedFonts(source) {
  return source.replace(/@font-face\s*\{[^{}]*font-family:\s*['"]?JDZH-[\w-]+['"]?[^{}]*\}/g, '');
};
