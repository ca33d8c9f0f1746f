"""Maps: ``st.map`` and ``st.pydeck_chart`` (scatterplot layers), drawn as
braille points over a small coastline basemap (:mod:`termlit.common.maps`)."""

from __future__ import annotations

import re
from typing import Any

from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements.data import to_dataframe
from termlit.errors import StreamlitAPIException

__all__ = ["map", "pydeck_chart"]

_LATITUDES = ("lat", "latitude", "LAT", "LATITUDE")
_LONGITUDES = ("lon", "longitude", "LON", "LONGITUDE")
#: st.map's own point colour.
DEFAULT_COLOR = "#ff4b4b"


def _color_text(value: Any) -> str | None:
    """A colour as "#rrggbb": hex text, or [r, g, b(, a)] in 0-255 or 0-1."""
    if isinstance(value, str):
        text = value.strip().removeprefix("@@=")
        if text.startswith("#") and len(text) in (4, 5, 7, 9):
            if len(text) in (4, 5):
                text = "#" + "".join(c * 2 for c in text[1:4])
            return text[:7].lower()
        numbers = re.findall(r"-?\d+(?:\.\d+)?", text)
        if text.startswith("[") and len(numbers) >= 3:
            value = [float(n) for n in numbers]
        else:
            return None
    if isinstance(value, (list, tuple)) and len(value) >= 3:
        parts = [float(v) for v in value[:3]]
        if all(p <= 1 for p in parts) and any(isinstance(v, float) for v in value[:3]):
            parts = [p * 255 for p in parts]
        return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(p))) for p in parts))
    return None


def _split(frame: Any, color: Any) -> tuple[list[tuple[str, Any]] | None, bool]:
    """(colour, mask) pairs for ``color``: a colour, or a column of colours."""
    import numpy as np  # lazy: numpy loads with the first map

    if color is None:
        return None, True
    if isinstance(color, str) and color in frame.columns:
        shades = [_color_text(v) for v in frame[color]]
        groups = []
        for shade in dict.fromkeys(shades):
            groups.append((shade or DEFAULT_COLOR, np.array([s == shade for s in shades])))
        return groups, True
    shade = _color_text(color)
    if shade is None:
        return None, False
    return [(shade, np.ones(len(frame), dtype=bool))], True


def _column(frame: Any, given: str | None, names: tuple[str, ...], what: str) -> str:
    if given is not None:
        if given not in frame.columns:
            raise StreamlitAPIException(f"st.map: {what}={given!r} is not a column of the data.")
        return given
    for name in names:
        if name in frame.columns:
            return name
    raise StreamlitAPIException(
        f"st.map: the data needs a {what} column named one of {', '.join(names)} (or pass {what}=)."
    )


def _show(kind: str, chart: Any, width: Any, height: Any) -> DeltaGenerator:
    return emit(kind, {"chart": chart, "width": width, "height": height})[1]


@api
def map(
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: Any = None,
    size: Any = None,
    zoom: int | None = None,
    width: Any = "stretch",
    height: Any = None,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Points on a map: latitude and longitude columns (``lat``/``latitude``,
    ``lon``/``longitude`` unless named), ``color`` a colour or a column of
    colours, ``zoom`` as in web maps (default: fit the points). ``size`` is
    accepted; braille points all have one size."""
    from termlit.common.maps import map_chart  # lazy: numpy loads with the first map

    check_size("st.map", "width", width, ("stretch",))
    check_size("st.map", "height", height, ("stretch",))
    frame = to_dataframe(data if data is not None else {"lat": [], "lon": []})
    lat = frame[_column(frame, latitude, _LATITUDES, "latitude")].to_numpy(dtype="float64", na_value=float("nan"))
    lon = frame[_column(frame, longitude, _LONGITUDES, "longitude")].to_numpy(dtype="float64", na_value=float("nan"))
    groups, known = _split(frame, color)
    if not known:
        raise StreamlitAPIException(f"st.map: color={color!r} is neither a colour nor a column of the data.")
    return _show("map", map_chart(lon, lat, groups, zoom=zoom), width, height if isinstance(height, int) else None)


def _position_columns(layer: Any) -> tuple[str, str] | None:
    """The (longitude, latitude) column names of a layer's ``get_position``."""
    position = getattr(layer, "get_position", None)
    if isinstance(position, str):
        names = re.findall(r"[A-Za-z_][\w]*", position.replace("@@=", ""))
        if len(names) == 2:
            return names[0], names[1]
        if len(names) == 1:
            return names[0], ""
    if isinstance(position, (list, tuple)) and len(position) == 2 and all(isinstance(p, str) for p in position):
        return position[0], position[1]
    return None


@api
def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: Any = "stretch",
    use_container_width: bool | None = None,
    height: Any = None,
    selection_mode: str = "single-object",
    on_select: Any = "ignore",
    key: Any = None,
    alt: str | None = None,
) -> Any:
    """A pydeck map: its scatterplot layers as points over the basemap (other
    layers are named under the map), centred on its initial view."""
    import numpy as np  # lazy: numpy loads with the first map

    from termlit.common.maps import map_chart  # lazy: as above
    from termlit.common.specs import SelectionState  # lazy: as above

    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(f'st.pydeck_chart: on_select must be "ignore", "rerun" or a callable; got {on_select!r}.')
    layers = list(getattr(pydeck_obj, "layers", None) or [])
    lons, lats, groups, notes = [], [], [], []
    count = 0
    for layer in layers:
        kind = str(getattr(layer, "type", "") or "")
        columns = _position_columns(layer)
        data = getattr(layer, "data", None)
        if kind != "ScatterplotLayer" or columns is None or data is None:
            notes.append(f"The {kind or 'unnamed'} layer is not drawn in the terminal.")
            continue
        frame = to_dataframe(data)
        lon_name, lat_name = columns
        if lat_name:
            lon, lat = frame[lon_name].to_numpy(dtype="float64"), frame[lat_name].to_numpy(dtype="float64")
        else:
            pairs = np.array(frame[lon_name].tolist(), dtype="float64").reshape(-1, 2)
            lon, lat = pairs[:, 0], pairs[:, 1]
        shade = _color_text(getattr(layer, "get_color", None) or getattr(layer, "get_fill_color", None)) or DEFAULT_COLOR
        mask = np.zeros(count + len(lon), dtype=bool)
        mask[count:] = True
        groups.append((shade, mask))
        lons.append(lon)
        lats.append(lat)
        count += len(lon)
    lon = np.concatenate(lons) if lons else np.empty(0)
    lat = np.concatenate(lats) if lats else np.empty(0)
    groups = [(shade, np.pad(mask, (0, count - len(mask)))) for shade, mask in groups]
    view = getattr(pydeck_obj, "initial_view_state", None)
    center = None
    zoom = None
    if view is not None and getattr(view, "latitude", None) is not None:
        center = (float(view.longitude), float(view.latitude))
        zoom = getattr(view, "zoom", None) if not count else None
        if count:
            center = None
    chart = map_chart(lon, lat, groups or None, zoom=zoom, center=center, notes=notes)
    handle = _show("pydeck_chart", chart, width, height if isinstance(height, int) else None)
    if on_select != "ignore":
        return SelectionState(selection=SelectionState(indices={}, objects={}))
    return handle
