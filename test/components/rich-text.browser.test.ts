import { expect } from '@open-wc/testing';
import { richText } from '../../src/components/rich-text.js';

function render(source: string): HTMLElement {
  const host = document.createElement('div');
  host.append(richText(source));
  document.body.append(host);
  return host;
}

describe('richText: descriptions from specs, rendered safely', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps the formatting real specs use, with no attributes', () => {
    const host = render('Use <b class="x" style="color:red">bold</b>, <i>it</i>, <code>code</code><br><ul><li>one</li></ul><p>para</p>');
    expect(host.innerHTML).to.equal('Use <b>bold</b>, <i>it</i>, <code>code</code><br><ul><li>one</li></ul><p>para</p>');
  });

  it('opens http(s) links in a new tab without an opener, and drops other links to their text', () => {
    const host = render('<a href="https://docs.example.com/x" onclick="alert(1)">docs</a> <a href="javascript:alert(1)">bad</a> <a href="/relative">rel</a>');
    const links = host.querySelectorAll('a');
    expect(links.length).to.equal(1);
    expect(links[0]!.getAttribute('href')).to.equal('https://docs.example.com/x');
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(links[0]!.hasAttribute('onclick')).to.be.false;
    expect(host.textContent).to.equal('docs bad rel');
  });

  it('renders backtick code spans and Markdown links, and leaves unsafe Markdown links as text', () => {
    const host = render('Set `start_date` as in [the guide](https://example.com/guide) or [this](javascript:alert(1)).');
    expect(host.querySelector('code')!.textContent).to.equal('start_date');
    const link = host.querySelector('a')!;
    expect(link.textContent).to.equal('the guide');
    expect(link.href).to.equal('https://example.com/guide');
    expect(host.textContent).to.contain('[this](javascript:alert(1))');
  });

  it('runs nothing and loads nothing from hostile markup', async () => {
    (window as unknown as { pwned?: boolean }).pwned = false;
    const host = render(
      '<script>window.pwned = true</script><img src=x onerror="window.pwned=true"><svg onload="window.pwned=true"><a>x</a></svg>' +
        '<iframe src="javascript:window.pwned=true"></iframe><style>*{display:none}</style><div onmouseover="x">text</div>' +
        '<b><img src=x onerror="window.pwned=true">nested</b><form><input name=a></form>',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { pwned?: boolean }).pwned).to.be.false;
    expect(host.querySelectorAll('script, img, svg, iframe, style, form, input, [onerror], [onload], [onmouseover]').length).to.equal(0);
    expect(host.textContent).to.equal('textnested');
  });

  it('shows plain text as text, including angle brackets that are not tags', () => {
    const host = render('Use a value < 10 & > 2');
    expect(host.textContent).to.equal('Use a value < 10 & > 2');
    expect(host.children.length).to.equal(0);
  });
});
