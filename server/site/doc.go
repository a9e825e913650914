// Package site serves the Passkey Doctor page: go-app's PWA handler (page
// prerendering, app.js, the service worker) in front of the embedded static
// assets from package web, plus the web app manifest.
//
// Assets are served from memory with their precompressed brotli or gzip twin
// when the client accepts it (Vary: Accept-Encoding). Every asset URL the page
// references carries ?v=<version>, the hash of all embedded assets: such URLs
// are cached for a year, anything else is revalidated. The same hash is
// go-app's Handler.Version, so every replica built from the same assets
// agrees on it and clients install the service worker once.
//
// Offline: the service worker (app-worker.js, our go-app
// ServiceWorkerTemplate) precaches the shell under those versioned URLs,
// answers navigations from the cached "/" when the network is gone, never
// touches the ceremony API (/api/: network only, nothing queued) and deletes
// older caches on activate. The manifest (manifest.go) is ours because
// go-app's template cannot mark icons maskable.
//
// Export writes the same site as plain files for a static host; with no API
// behind it the page runs its ceremonies locally.
//
// Requests go-app would otherwise answer by fetching from the request's own
// Host (robots.txt, sitemap.xml, ads.txt) are answered here first.
package site
