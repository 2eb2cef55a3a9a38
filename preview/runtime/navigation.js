// `lightning/navigation` stand-in: NavigationMixin routes inside the preview (see router.js) and records every
// navigation in `window.__previewNavigations`; CurrentPageReference is a wire adapter on the same router.
import { currentPageRef, navigate, pageRefToHash, subscribe } from './router.js';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageRef, replace) {
      navigate(pageRef, replace);
    }

    [GenerateUrl](pageRef) {
      if (pageRef && pageRef.type === 'standard__webPage') return Promise.resolve(pageRef.attributes.url);
      return Promise.resolve(pageRefToHash(pageRef));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.unsubscribe = null;
  }

  connect() {
    this.unsubscribe = subscribe((pageRef) => this.dataCallback(Object.freeze(pageRef)));
    this.dataCallback(Object.freeze(currentPageRef()));
  }

  disconnect() {
    if (this.unsubscribe) this.unsubscribe();
  }

  update() {}
}

export { NavigationMixin, CurrentPageReference };
