// `lightning/platformShowToastEvent`: the same event name LEX listens for. The preview shell shows it as an
// SLDS toast and records it in `window.__previewToasts` for tests.
export class ShowToastEvent extends CustomEvent {
  constructor(config = {}) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: { ...config } });
  }
}
