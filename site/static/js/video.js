// Click-to-load videos (home/blocks/video.py): the provider's player is framed only
// when the visitor asks for it; until then no request leaves for the provider's host.
// Without JavaScript the button stays hidden and the link to the video remains.
for (const player of document.querySelectorAll("[data-video-player]")) {
  const button = player.querySelector(".video__play");
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.className = "video__frame";
    frame.src = player.dataset.videoPlayer;
    frame.title = player.dataset.videoTitle;
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    player.replaceChildren(frame);
    frame.focus();
  });
}
