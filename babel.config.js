// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
//
// babel-preset-taro compiles JSX with @babel/preset-react, an optional peer dependency that is
// not installed in this repository. Until it is, JSX (and TypeScript) in our .tsx files is
// compiled by esbuild-loader (already installed with Taro) before Babel sees the file — see
// `jsxFallback` in config/index.ts. Once @babel/preset-react is installed, this file switches
// back to the stock Taro setup by itself.
function resolvable(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const hasPresetReact = resolvable('@babel/preset-react');

module.exports = {
  presets: [
    [
      'taro',
      {
        // Any value other than 'react' keeps babel-preset-taro from loading @babel/preset-react.
        framework: hasPresetReact ? 'react' : 'react-via-esbuild',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        // NutUI 3.0.20 ships compiled CSS next to each component (style/css.js).
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
        camel2DashComponentName: false,
      },
      'nutui-react-taro',
    ],
  ],
};
