// The mocha globals that browser tests (web-test-runner) use; Node tests import node:test instead.
declare function describe(name: string, body: (this: unknown) => void): void;
declare function it(name: string, body: (this: unknown) => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function after(body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
