/* global document */
// bench:ui's floor: what a page that does nothing but print a signature costs on this machine
// (navigation, an HTML file and a module script from the playground's server, one layout and
// paint). The app's first signature is measured against this. A fixed signature: no signing.
const section = document.createElement('section');
section.setAttribute('aria-label', 'Signature');
section.textContent = 'Signature 5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
document.getElementById('root').append(section);
