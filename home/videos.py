"""Videos hosted by a known provider: their player address, loaded only when a visitor asks.

Only these providers may be embedded: the public Content-Security-Policy lets the
browser frame their players (`frame_origins`) and nothing else. PeerTube instances are
many, so the site lists the ones it trusts in `settings.PEERTUBE_HOSTS`.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com", "dai.ly"}
# Players that set no tracking cookie before the visitor plays (YouTube's "nocookie"
# domain, Vimeo's do-not-track flag).
PLAYER_ORIGINS = (
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
)
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{3,64}$")


@dataclass(frozen=True)
class Video:
    provider: str
    watch_url: str
    player_url: str


def peertube_hosts():
    return set(getattr(settings, "PEERTUBE_HOSTS", ()))


def frame_origins():
    """The origins whose players the public pages may frame."""
    return [*PLAYER_ORIGINS, *(f"https://{host}" for host in sorted(peertube_hosts()))]


def last_segment(path):
    return path.rstrip("/").rsplit("/", 1)[-1]


def youtube_id(host, path, query):
    if host == "youtu.be":
        return last_segment(path)
    if path == "/watch":
        return parse_qs(query).get("v", [""])[0]
    if path.startswith(("/embed/", "/shorts/", "/live/")):
        return last_segment(path)
    return ""


def video_from_url(url):
    """The Video at this address, or None if it is not a video page of a known provider."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme != "https":
        return None
    if host in YOUTUBE_HOSTS:
        video_id = youtube_id(host, parts.path, parts.query)
        provider = "YouTube"
        watch = f"https://www.youtube.com/watch?v={video_id}"
        player = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in VIMEO_HOSTS:
        video_id = last_segment(parts.path)
        provider = "Vimeo"
        watch = f"https://vimeo.com/{video_id}"
        player = f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
        if not video_id.isdigit():
            return None
    elif host in DAILYMOTION_HOSTS:
        video_id = last_segment(parts.path)
        provider = "Dailymotion"
        watch = f"https://www.dailymotion.com/video/{video_id}"
        player = f"https://www.dailymotion.com/embed/video/{video_id}?autoplay=1"
    elif host in peertube_hosts() and parts.path.startswith(("/w/", "/videos/watch/")):
        video_id = last_segment(parts.path)
        provider = "PeerTube"
        watch = f"https://{host}/w/{video_id}"
        player = f"https://{host}/videos/embed/{video_id}?autoplay=1"
    else:
        return None
    if not VIDEO_ID.match(video_id):
        return None
    return Video(provider, watch, player)
