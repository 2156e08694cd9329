import { expect } from '@open-wc/testing';

function load(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('the single-script build', () => {
  it('registers <airbyte-connect> and the drop-in class, and a second copy only warns', async () => {
    const warnings: unknown[] = [];
    const errors: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    window.addEventListener('error', (event) => errors.push(event.message));
    try {
      await load(`/dist/airbyte-connect.iife.js?first`);
      const defined = customElements.get('airbyte-connect');
      expect(defined).to.be.a('function');
      expect((window as unknown as { AirbyteEmbeddedWidget: unknown }).AirbyteEmbeddedWidget).to.be.a('function');
      expect((window as unknown as { AirbyteConnect: { AirbyteConnect: unknown } }).AirbyteConnect.AirbyteConnect).to.equal(defined);
      await load(`/dist/airbyte-connect.iife.js?second`);
      expect(customElements.get('airbyte-connect')).to.equal(defined);
      expect(errors).to.deep.equal([]);
      expect(warnings.some((w) => String(w).includes('already defined'))).to.be.true;
    } finally {
      console.warn = warn;
    }
  });
});
