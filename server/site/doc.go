// Package site serves the Passkey Doctor page: go-app's PWA handler (page
// prerendering, app.js, the service worker, the manifest) in front of the
// embedded static assets from package web.
//
// Assets are served from memory with their precompressed brotli or gzip twin
// when the client accepts it (Vary: Accept-Encoding). Every asset URL the page
// references carries ?v=<version>, the hash of all embedded assets: such URLs
// are cached for a year, anything else is revalidated. The same hash is
// go-app's Handler.Version, so every replica built from the same assets
// agrees on it and clients install the service worker once.
//
// Requests go-app would otherwise answer by fetching from the request's own
// Host (robots.txt, sitemap.xml, ads.txt) are answered here first.
package site
