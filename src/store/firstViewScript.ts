// The one inline script a page with a first view runs (firstView.ts), in its head before #root is
// parsed; allowed by its hash (server/securityHeaders.ts). Plain text, not a function's source:
// the server that hashes it and the build that writes it into the page must see the same bytes.
// Only the server renders it, so none of it is in the page's own scripts.
import { RESTORING_ATTRIBUTE } from './firstView';
import { STORAGE_KEY } from './storageKey';

/**
 * Before the first paint, a visitor with a saved request gets the markup hidden (layout.css), as
 * the page looked before it had a first view, rather than someone else's request for a moment.
 */
const RESTORING_GUARD = `try{if(localStorage.getItem(${JSON.stringify(STORAGE_KEY)})!==null)document.documentElement.setAttribute(${JSON.stringify(RESTORING_ATTRIBUTE)},"")}catch(e){}`;

/**
 * The first view is on screen, and takes input, before the page's scripts have run; React adopts
 * it later (main.tsx), keeping what the markup holds by then but not hearing of what changed it:
 * a radio clicked or a field typed into before that was lost (the store kept the served values,
 * and the next render put them back), and a click on a button or an arrow key on the export tabs
 * did nothing. So, until the page is adopted (#root busy, which Interactive ends):
 * - a field's change happens as usual and stays on screen; once adopted, each field that differs
 *   from the markup's (its default value or checkedness) is told to React as the user's change:
 *   React's value tracker is reset to the served value (the element's own setter), the user's
 *   value put back past it (the prototype's), then the event React listens for is fired;
 * - a click on a button, or a key pressed on anything but a field (a field's keys change it, as
 *   above; Tab and Enter/Space do what they do natively, the latter by a click), has nothing to
 *   answer it yet: it is held from the page (stopPropagation, also from a React that has begun to
 *   adopt) and dispatched again once adopted, in order, as a copy of itself (the event is its own
 *   copy's init: key, modifiers, bubbles);
 * - a <details> opened or closed stays so, and its "toggle" is dispatched again once adopted (the
 *   panels keep whether they are open in React state, read from the element);
 * - a file chosen stays chosen, and React hears its "change" once adopted, like a select's;
 * - the hidden copies of the late panels (inert: lazyAfterFirstPaint) take no input, and are not
 *   compared.
 * A "keyup" first asks React to adopt the element's part now if it has not yet (React hydrates
 * the part a discrete event targets at once), so the tracker is React's.
 */
const KEEP_EARLY_INPUT = `(()=>{
const held=[],root=()=>document.getElementById("root");
const hold=e=>{const r=root(),t=e.target;
if(!e.isTrusted||!r||!r.hasAttribute("aria-busy")||!(t instanceof Element)||!r.contains(t))return;
if(e.type==="toggle")return held.push(e);
if(e.type==="click"?!t.closest("button"):t.closest("input,textarea,select,[contenteditable]")||/^(Tab|Enter| )$/.test(e.key))return;
e.stopPropagation();held.push(e)};
const types=["click","keydown","toggle"];
for(const type of types)addEventListener(type,hold,true);
new MutationObserver((_,observer)=>{const r=root();
if(!r||r.hasAttribute("aria-busy"))return;
observer.disconnect();for(const type of types)removeEventListener(type,hold,true);
const changed=[];
for(const el of r.querySelectorAll("input,textarea,select")){if(el.closest("[inert]"))continue;
if(el.type==="checkbox"||el.type==="radio"){if(el.checked!==el.defaultChecked&&(el.checked||el.type==="checkbox"))changed.push([el,el.checked])}
else if(el.tagName==="SELECT"){if([...el.options].some(o=>o.selected!==o.defaultSelected))changed.push([el,null])}
else if(el.type==="file"){if(el.files.length>0)changed.push([el,null])}
else if(el.value!==el.defaultValue)changed.push([el,el.value])}
for(const[el,value]of changed){if(!el.isConnected)continue;
el.dispatchEvent(new Event("keyup"));
if(typeof value==="boolean"){el.checked=!value;el.click()}
else if(value===null)el.dispatchEvent(new Event("change",{bubbles:true}));
else{const{selectionStart:start,selectionEnd:end}=el;el.value=el.defaultValue;
Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el),"value").set.call(el,value);
el.dispatchEvent(new Event("input",{bubbles:true}));try{el.setSelectionRange(start,end)}catch{}}}
for(const e of held)if(e.target.isConnected)e.target.dispatchEvent(new e.constructor(e.type,e))
}).observe(document,{subtree:true,attributes:true,attributeFilter:["aria-busy"]})})()`;

/**
 * The type the served page's entry script carries instead of "module" (renderFirstView.tsx), so the
 * browser neither runs nor fetches it: the script below starts it.
 */
export const ENTRY_AFTER_FIRST_PAINT_TYPE = 'text/x-after-first-paint';

/**
 * The rel the served page's icon link carries instead of "icon" (renderFirstView.tsx), so the
 * browser does not fetch it yet: the script below restores it with the entry. The browser has the
 * page itself decode an SVG icon, on its main thread, which it did while the first view was being
 * painted.
 */
export const ICON_AFTER_FIRST_PAINT_REL = 'x-icon-after-first-paint';

/**
 * The page's scripts (and its icon) start once the first view is painted, not while it is: the
 * first view needs none of them to be seen, and on two cores their compiling, running and adopting the markup (some
 * 200 ms of a core) delayed the first paint, as they took the cores its raster and drawing wanted.
 * Started at once where no first paint is coming: a returning visitor's page, whose markup is
 * hidden until the scripts draw the saved request (RESTORING_GUARD), and a page not visible. A
 * second after DOMContentLoaded at the latest, whatever happens to the paint's report. The paint
 * waited for is the first contentful one: a first paint of the background alone can come a frame
 * before the view's text, and the scripts would then compete with it.
 */
const START_ENTRY_AFTER_FIRST_PAINT = `(()=>{
let start=()=>{start=()=>{};for(const icon of document.querySelectorAll('link[rel="${ICON_AFTER_FIRST_PAINT_REL}"]'))icon.rel="icon";const entry=document.querySelector('script[type="${ENTRY_AFTER_FIRST_PAINT_TYPE}"]');if(!entry)return;
const script=document.createElement("script");script.type="module";script.crossOrigin="";script.src=entry.src;document.head.append(script)};
const later=()=>setTimeout(()=>start());
if(document.documentElement.hasAttribute(${JSON.stringify(RESTORING_ATTRIBUTE)})||document.visibilityState!=="visible"){addEventListener("DOMContentLoaded",later);return}
try{new PerformanceObserver((list,observer)=>{if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();later()}}).observe({type:"paint"})}catch{addEventListener("DOMContentLoaded",later)}
addEventListener("DOMContentLoaded",()=>setTimeout(()=>start(),1000))})()`;

/** The served page's inline script: the restoring guard, the keeper of early input, the starter. */
export const FIRST_VIEW_SCRIPT = `${RESTORING_GUARD};${KEEP_EARLY_INPUT};${START_ENTRY_AFTER_FIRST_PAINT}`;
