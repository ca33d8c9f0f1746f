"""The element API: functions that turn ``st.*`` calls into Element nodes."""

from termlit.elements._dg import API, DeltaGenerator
from termlit.elements.control import query_params, rerun, session_state, set_page_config, stop
from termlit.elements.session_info import context, user
from termlit.elements.charts import area_chart, bar_chart, line_chart, scatter_chart
from termlit.elements import column_config
from termlit.elements import notices as _notices  # noqa: F401 - registers st.map & co.
from termlit.elements.forms import form, form_submit_button
from termlit.elements.fragments import dialog, fragment
from termlit.elements.data import data_editor, dataframe, table
from termlit.elements.layout import columns, container, empty, expander, popover, sidebar, tabs
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
    link_button,
    markdown,
    metric,
    subheader,
    text,
    title,
    write,
    write_stream,
)
from termlit.elements.widgets import (
    button,
    checkbox,
    color_picker,
    number_input,
    selectbox,
    slider,
    text_input,
)
from termlit.elements.inputs import (
    UploadedFile,
    date_input,
    datetime_input,
    download_button,
    feedback,
    file_uploader,
    multiselect,
    pills,
    radio,
    segmented_control,
    select_slider,
    text_area,
    time_input,
    toggle,
)
from termlit.elements.chat import chat_input, chat_message

from termlit.elements.notices import *  # noqa: F403,E402 - st.map & co.: one-line notices

__all__ = sorted(API) + [
    "API",
    "DeltaGenerator",
    "column_config",
    "context",
    "query_params",
    "session_state",
    "sidebar",
    "user",
]
