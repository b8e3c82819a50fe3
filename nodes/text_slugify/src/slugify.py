"""URL slugs from any text: a plain standard-library function, wrapped into a LOKI node by `loki wrap`."""
import re
import unicodedata


def slugify(text: str, separator: str = "-", max_length: int = 80, lowercase: bool = True) -> str:
    """Turns text into a URL- and filename-safe slug.

    Accents are folded to ASCII (é → e), anything that is not a letter or digit becomes the separator, runs of
    separators collapse, and the result is cut at a word boundary to at most max_length characters.

    Args:
        text: The text to turn into a slug.
        separator: What goes between words.
        max_length: Longest slug to return (0 means no limit).
        lowercase: Lower-case the result.

    Returns:
        The slug.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in re.split(r"[^0-9A-Za-z]+", folded) if w]
    slug = separator.join(w.lower() if lowercase else w for w in words)
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit(separator, 1)[0] if separator and separator in cut else cut
    return slug
