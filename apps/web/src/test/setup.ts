// From the DOM library: importing @testing-library/react here, before jest's globals exist,
// would skip its automatic cleanup between tests.
import { configure } from '@testing-library/dom';

// Whole pages of Ant Design components render slowly in jsdom: give findBy… / waitFor more than
// the default second before they give up.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks a few browser APIs that Ant Design and recharts use.

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', {
    writable: true,
    configurable: true,
    value: ResizeObserverStub,
  });
}

// jest's jsdom environment has no MessageChannel; antd's Form.useWatch schedules with it.
// A timer-based stand-in delivers messages as the browser would: in a later macrotask.
if (!('MessageChannel' in globalThis)) {
  type Listener = ((event: MessageEvent) => void) | null;
  class MessagePortStub {
    onmessage: Listener = null;
    other: MessagePortStub | null = null;
    postMessage(data: unknown): void {
      const target = this.other;
      setTimeout(() => target?.onmessage?.({ data } as MessageEvent), 0);
    }
    close(): void {
      this.onmessage = null;
    }
    start(): void {}
    addEventListener(): void {}
    removeEventListener(): void {}
  }
  class MessageChannelStub {
    port1 = new MessagePortStub();
    port2 = new MessagePortStub();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  }
  Object.defineProperty(globalThis, 'MessageChannel', {
    writable: true,
    configurable: true,
    value: MessageChannelStub,
  });
}

// jsdom does not implement pseudo-elements and logs an error when asked for one (antd measures
// scrollbars that way); answer with the element's own style instead.
{
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => getComputedStyle(element);
}
