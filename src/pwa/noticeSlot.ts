// Where in the page the service worker's "Ready to work offline" note goes: an element the app frame renders between
// the header and the content (App.tsx), so the note takes its own room there rather than lying over a card. Its own
// module so the frame can name it without loading the notices' chunk (workbox-window).
export const PWA_NOTICE_SLOT_ID = 'pwa-notices'
