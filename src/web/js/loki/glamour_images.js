// Glamour images as the canvas draws them: loaded once per URL, drawn when ready; the canvas is redrawn as each
// arrives (a frame drawn before that shows the face's background only).

export class ImageCache {
  constructor(onReady) {
    this.onReady = onReady
    this.images = new Map() // url -> HTMLImageElement
  }

  /** The image at `url` when it has loaded, else null (and it starts loading). */
  get(url) {
    if (!url) return null
    let image = this.images.get(url)
    if (!image) {
      image = new Image()
      image.decoding = 'async'
      image.addEventListener('load', () => this.onReady?.(url))
      image.src = url
      this.images.set(url, image)
    }
    return image.complete && image.naturalWidth > 0 ? image : null
  }

  /** Resolves when every image asked for so far has loaded or failed (tests and screenshots wait on it). */
  async settled() {
    await Promise.all([...this.images.values()].map((i) => (i.complete ? null : i.decode().catch(() => null))))
    return [...this.images.values()].filter((i) => i.complete && i.naturalWidth > 0).length
  }
}
