"""Maps: points over a coastline, as chart data.

The basemap is ``data/world_110m.bin``: the outlines of the countries of
Natural Earth's 1:110m "Admin 0 - Countries" (public domain; see
naturalearthdata.com), rounded to 0.1 degree: 287 rings, 10,560 points,
30 KB zlib-compressed (int16 tenths of a degree, after a ``TLW1`` header, the
ring count and the point count of each ring). It is read on the first map.

A map is one scatter panel: the basemap's outlines, densified so they light
unbroken dots at any terminal size, in grey, then one series of points per
colour. The view is zoomed to the data (or to ``zoom``, web-map style: 360 /
2^zoom degrees of longitude) and stretched by 1 / cos(latitude) so shapes
keep their proportions.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache
from importlib import resources

import numpy as np

from termlit.common.chartdata import ChartData
from termlit.common.specs import Chart, Panel, series

__all__ = ["BASEMAP_GREY", "basemap", "map_chart"]

BASEMAP_GREY = "#6c6c6c"
#: Points each outline is cut into across the view (enough for ~300 dots).
_STEPS = 700
#: Width over height of a chart's plot area in braille dots (about 180 x 48
#: on a 100-column terminal): the view is grown to this shape.
ASPECT = 3.5


@lru_cache(maxsize=1)
def basemap() -> list[np.ndarray]:
    """The coastline rings, each an (n, 2) array of (longitude, latitude)."""
    blob = zlib.decompress(resources.files("termlit.common").joinpath("data/world_110m.bin").read_bytes())
    magic, count = struct.unpack_from("<4sI", blob)
    if magic != b"TLW1":
        raise ValueError("world_110m.bin is not a termlit basemap")
    lengths = np.frombuffer(blob, dtype="<u2", count=count, offset=8).astype(np.int64)
    points = np.frombuffer(blob, dtype="<i2", offset=8 + 2 * count).reshape(-1, 2).astype("float64") / 10
    ends = np.cumsum(lengths)
    return [points[end - n : end] for n, end in zip(lengths, ends)]


def _extent(lon: np.ndarray, lat: np.ndarray, zoom: float | None, center: tuple[float, float] | None):
    """(lon_lo, lon_hi, lat_lo, lat_hi) of the view."""
    finite = np.isfinite(lon) & np.isfinite(lat)
    if center is None:
        if finite.any():
            center = (float((lon[finite].min() + lon[finite].max()) / 2), float((lat[finite].min() + lat[finite].max()) / 2))
        else:
            center = (0.0, 20.0)
    if zoom is not None:
        half_lon = 180 / 2 ** float(zoom)
        half_lat = half_lon / 2
    elif finite.sum() > 1:
        half_lon = max(float(lon[finite].max() - lon[finite].min()) * 0.6, 0.05)
        half_lat = max(float(lat[finite].max() - lat[finite].min()) * 0.6, 0.05)
    elif finite.any():
        half_lon, half_lat = 1.0, 0.5
    else:
        half_lon, half_lat = 180.0, 75.0
    return center[0] - half_lon, center[0] + half_lon, max(center[1] - half_lat, -85.0), min(center[1] + half_lat, 85.0)


def _widened(extent: tuple[float, float, float, float], stretch: float) -> tuple[float, float, float, float]:
    """The view grown on one axis to the shape of a chart's plot area
    (about :data:`ASPECT` times as wide as high, in braille dots)."""
    lon_lo, lon_hi, lat_lo, lat_hi = extent
    width, height = (lon_hi - lon_lo) * stretch, lat_hi - lat_lo
    if width < ASPECT * height:
        grow = (ASPECT * height / stretch - (lon_hi - lon_lo)) / 2
        lon_lo, lon_hi = lon_lo - grow, lon_hi + grow
        if lon_hi - lon_lo > 360:
            return -180.0, 180.0, lat_lo, lat_hi
        shift = max(-180 - lon_lo, 0) - max(lon_hi - 180, 0)
        return lon_lo + shift, lon_hi + shift, lat_lo, lat_hi
    grow = (width / ASPECT - height) / 2
    return lon_lo, lon_hi, max(lat_lo - grow, -85.0), min(lat_hi + grow, 85.0)


def _outlines(extent: tuple[float, float, float, float], stretch: float) -> tuple[np.ndarray, np.ndarray]:
    """Dots along every outline inside the view (densified, then clipped)."""
    lon_lo, lon_hi, lat_lo, lat_hi = extent
    step = max((lon_hi - lon_lo) * stretch, lat_hi - lat_lo) / _STEPS
    xs, ys = [], []
    for ring in basemap():
        lon, lat = ring[:, 0], ring[:, 1]
        if lon.max() < lon_lo or lon.min() > lon_hi or lat.max() < lat_lo or lat.min() > lat_hi:
            continue
        closed = np.vstack([ring, ring[:1]])
        seg = np.diff(closed, axis=0)
        lengths = np.hypot(seg[:, 0] * stretch, seg[:, 1])
        pieces = np.maximum(np.ceil(lengths / step).astype(np.int64), 1)
        starts = np.repeat(closed[:-1], pieces, axis=0)
        t = (np.arange(pieces.sum()) - np.repeat(np.cumsum(pieces) - pieces, pieces)) / np.repeat(pieces, pieces)
        points = starts + np.repeat(seg, pieces, axis=0) * t[:, None]
        keep = (points[:, 0] >= lon_lo) & (points[:, 0] <= lon_hi) & (points[:, 1] >= lat_lo) & (points[:, 1] <= lat_hi)
        xs.append(points[keep, 0])
        ys.append(points[keep, 1])
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


def map_chart(
    lon: np.ndarray,
    lat: np.ndarray,
    colors: list[tuple[str, np.ndarray]] | None = None,
    *,
    zoom: float | None = None,
    center: tuple[float, float] | None = None,
    notes: list[str] | None = None,
) -> Chart:
    """A map of the points (``colors``: (colour, mask) pairs splitting them;
    default one colour)."""
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    extent = _extent(lon, lat, zoom, center)
    middle = np.radians((extent[2] + extent[3]) / 2)
    stretch = float(np.cos(middle)) or 1.0
    extent = _widened(extent, stretch)
    coast_x, coast_y = _outlines(extent, stretch)
    # Corners of the view as invisible-in-practice outline dots fix the axes.
    corner_x = np.array([extent[0], extent[1]])
    corner_y = np.array([extent[2], extent[3]])
    result = [series("coast", np.concatenate([coast_x, corner_x]), np.concatenate([coast_y, corner_y]), 0,
                     "scatter", BASEMAP_GREY)]
    inside = (lon >= extent[0]) & (lon <= extent[1]) & (lat >= extent[2]) & (lat <= extent[3])
    for index, (color, mask) in enumerate(colors or [("#ff4b4b", np.ones(len(lon), dtype=bool))]):
        keep = mask & inside
        result.append(series(f"points {index}", lon[keep], lat[keep], index + 1, "scatter", color))
    data = ChartData(result, "number", [], "longitude", "latitude")
    panel = Panel(data, "scatter", "", legend=False)
    return Chart([panel], "", 1, list(notes or []))
