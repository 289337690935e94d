import { findFirstLoadScripts } from '@/bench/lib/measure.mjs';

describe("the bench's first-load scripts of a page", () => {
  it('counts script tags and the scripts the page preloads for hydration, each once', () => {
    const html = [
      '<head><link rel="stylesheet" href="/_next/static/chunks/app.css"/>',
      '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin=""/>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/step.js"/>',
      '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
      '<link href="/_next/static/chunks/main.js?dpl=a&amp;v=1" rel="preload" as="script"/>',
      '<script src="/_next/static/chunks/main.js?dpl=a&amp;v=1" async=""></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/legacy.js" nomodule/>',
      '<script>self.__next_f.push([1,"<script src=\\"/inline.js\\">"])</script></head>',
      '<body><img src="/icon.svg" alt=""/><script src="/_next/static/chunks/page.js" async=""></script></body>',
    ].join('');
    expect(findFirstLoadScripts(html)).toEqual([
      '/_next/static/chunks/step.js',
      '/_next/static/chunks/module.js',
      '/_next/static/chunks/main.js?dpl=a&v=1',
      '/_next/static/chunks/page.js',
    ]);
  });

  it('finds nothing in a page without scripts', () => {
    expect(findFirstLoadScripts('<html><head><title>Rebound</title></head><body><p>Hello</p></body></html>')).toEqual(
      [],
    );
  });
});
