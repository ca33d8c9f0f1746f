"""The element API: functions that turn ``st.*`` calls into Element nodes."""

from termlit.elements._dg import API, DeltaGenerator
from termlit.elements.control import get_option, query_params, rerun, session_state, set_option, set_page_config, stop
from termlit.elements.session_info import context, user
from termlit.elements.charts import area_chart, bar_chart, line_chart, scatter_chart
from termlit.elements import column_config
from termlit.elements.forms import form, form_submit_button
from termlit.elements.fragments import dialog, fragment
from termlit.elements.data import dataframe, table
from termlit.elements.images import image, logo, pyplot
from termlit.elements.vega import altair_chart, echarts_chart, plotly_chart, vega_lite_chart
from termlit.elements.maps import map, pydeck_chart
from termlit.elements.diagrams import graphviz_chart, mermaid_chart
from termlit.elements.media import audio, audio_input, camera_input, html, pdf, video
from termlit.elements.layout import bottom, columns, container, empty, grid, sidebar, space
from termlit.elements.dynamic import expander, popover, tabs
from termlit.elements.navigation import Page, StreamlitPage, navigation, page_link, switch_page
from termlit.elements.notices import (
    bokeh_chart,
    iframe,
    login,
    logout,
)
from termlit.elements.status import (
    balloons,
    error,
    info,
    progress,
    snow,
    spinner,
    status,
    success,
    toast,
    warning,
)
from termlit.elements.metric import metric
from termlit.elements.text import (
    caption,
    badge,
    code,
    divider,
    echo,
    exception,
    header,
    help,
    json,
    latex,
    markdown,
    subheader,
    text,
    title,
    write,
    write_stream,
)
from termlit.elements.widgets.button import button, download_button, link_button
from termlit.elements.widgets.menus import menu_button, pagination
from termlit.elements.skeleton import skeleton
from termlit.elements.widgets.button_group import feedback, pills, segmented_control
from termlit.elements.widgets.chat import chat_input, chat_message
from termlit.elements.widgets.checkbox import checkbox, toggle
from termlit.elements.widgets.color_picker import color_picker
from termlit.elements.widgets.data_editor import data_editor
from termlit.elements.widgets.file_uploader import UploadedFile, file_uploader
from termlit.elements.widgets.number_input import number_input
from termlit.elements.widgets.select_slider import select_slider
from termlit.elements.widgets.selection import multiselect, radio, selectbox
from termlit.elements.widgets.slider import slider
from termlit.elements.widgets.text_widgets import text_area, text_input
from termlit.elements.widgets.time_widgets import date_input, datetime_input, time_input

__all__ = sorted(API) + [
    "API",
    "DeltaGenerator",
    "bottom",
    "Page",
    "StreamlitPage",
    "column_config",
    "context",
    "query_params",
    "session_state",
    "sidebar",
    "user",
]
