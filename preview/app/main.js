// Entry of the preview bundle. Synthetic shadow first (LBC and LEX use it, and global SLDS styles then reach
// our templates), then the shell, which renders the package's real components page by page.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Shell from 'preview/shell';

const host = document.getElementById('preview-root');
host.appendChild(createElement('preview-shell', { is: Shell }));
