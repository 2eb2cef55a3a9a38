// `lightning/platformResourceLoader`: real <script>/<link> injection, loaded once per URL like the platform.
const loaded = new Map();

function inject(url, create) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const element = create();
        element.onload = () => resolve();
        element.onerror = () => reject(new Error(`Could not load ${url}`));
        document.head.appendChild(element);
      })
    );
  }
  return loaded.get(url);
}

export function loadScript(_component, url) {
  return inject(url, () => Object.assign(document.createElement('script'), { src: url }));
}

export function loadStyle(_component, url) {
  return inject(url, () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }));
}
