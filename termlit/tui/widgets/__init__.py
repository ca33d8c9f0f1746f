"""One Textual widget per element kind, loaded on first use.

:func:`view_class` maps an element kind to the class that shows it; kinds the
terminal cannot show get :class:`NoticeView`, a one-line notice.
"""

from __future__ import annotations

from importlib import import_module

#: kind -> (module, class)
_KINDS: dict[str, tuple[str, str]] = {
    "title": ("_static", "HeadingView"),
    "header": ("_static", "HeadingView"),
    "subheader": ("_static", "HeadingView"),
    "markdown": ("_static", "MarkdownView"),
    "caption": ("_static", "CaptionView"),
    "text": ("_static", "TextView"),
    "html": ("_static", "TextView"),
    "code": ("_static", "CodeView"),
    "json": ("_json", "JsonView"),
    "metric": ("_static", "MetricView"),
    "exception": ("_static", "ExceptionView"),
    "divider": ("_static", "DividerView"),
    "empty": ("_static", "EmptyView"),
    "button_column": ("_static", "EmptyView"),
    "notice": ("_static", "NoticeView"),
    "spinner": ("_spinner", "SpinnerView"),
    "button": ("_button", "ButtonView"),
    "checkbox": ("_checkbox", "CheckboxView"),
    "slider": ("_slider", "SliderView"),
    "text_input": ("_text_input", "TextInputView"),
    "number_input": ("_number_input", "NumberInputView"),
    "selectbox": ("_selectbox", "SelectboxView"),
    "color_picker": ("_color_picker", "ColorPickerView"),
    "container": ("_layout", "ContainerView"),
    "columns": ("_layout", "ColumnsView"),
    "column": ("_layout", "ColumnView"),
    "space": ("_layout", "SpaceFill"),
    "bottom": ("_layout", "BottomView"),
    "grid": ("_grid_layout", "GridView"),
    "grid_cell": ("_grid_layout", "GridCellView"),
    "dataframe": ("_dataframe", "DataFrameView"),
    "toggle": ("_toggle", "ToggleView"),
    "radio": ("_radio", "RadioView"),
    "multiselect": ("_multiselect", "MultiselectView"),
    "select_slider": ("_select_slider", "SelectSliderView"),
    "text_area": ("_text_area", "TextAreaView"),
    "date_input": ("_date_input", "DateInputView"),
    "time_input": ("_date_input", "TimeInputView"),
    "datetime_input": ("_date_input", "DateTimeInputView"),
    "pills": ("_pills", "PillsView"),
    "segmented_control": ("_pills", "SegmentedControlView"),
    "feedback": ("_feedback", "FeedbackView"),
    "download_button": ("_download_button", "DownloadButtonView"),
    "file_uploader": ("_file_uploader", "FileUploaderView"),
    "camera_input": ("_file_uploader", "FileUploaderView"),
    "audio_input": ("_file_uploader", "FileUploaderView"),
    "link_button": ("_link_button", "LinkButtonView"),
    "menu_button": ("_menu_button", "MenuButtonView"),
    "pagination": ("_pagination", "PaginationView"),
    "skeleton": ("_skeleton", "SkeletonView"),
    "chat_input": ("_chat", "ChatInputView"),
    "chat_message": ("_chat", "ChatMessageView"),
    "data_editor": ("_data_editor", "DataEditorView"),
    "table": ("_table", "TableView"),
    "scatter_chart": ("_chart", "ChartView"),
    "line_chart": ("_chart", "ChartView"),
    "area_chart": ("_chart", "ChartView"),
    "bar_chart": ("_chart", "ChartView"),
    "info": ("_static", "AlertView"),
    "success": ("_static", "AlertView"),
    "warning": ("_static", "AlertView"),
    "error": ("_static", "AlertView"),
    "latex": ("_static", "LatexView"),
    "help": ("_static", "HelpView"),
    "toast": ("_static", "ToastView"),
    "balloons": ("_static", "ToastView"),
    "progress": ("_progress", "ProgressView"),
    "expander": ("_containers", "ExpanderView"),
    "popover": ("_containers", "PopoverView"),
    "status": ("_containers", "StatusView"),
    "tabs": ("_containers", "TabsView"),
    "tab": ("_containers", "TabView"),
    "form": ("_containers", "FormView"),
    "fragment": ("_containers", "FragmentView"),
    "dialog": ("_dialog", "DialogView"),
    "form_submit_button": ("_button", "ButtonView"),
    "page_link": ("_navigation", "PageLinkView"),
    "image": ("_image", "ImageView"),
    "logo": ("_image", "LogoView"),
    "altair_chart": ("_spec_chart", "SpecChartView"),
    "vega_lite_chart": ("_spec_chart", "SpecChartView"),
    "plotly_chart": ("_spec_chart", "SpecChartView"),
    "echarts_chart": ("_spec_chart", "SpecChartView"),
    "map": ("_spec_chart", "SpecChartView"),
    "pydeck_chart": ("_spec_chart", "SpecChartView"),
    "diagram": ("_diagram", "DiagramView"),
    "media": ("_media", "MediaView"),
}

_loaded: dict[str, type] = {}


def view_class(kind: str) -> type:
    """The widget class for elements of ``kind`` (importing its module once)."""
    cls = _loaded.get(kind)
    if cls is None:
        module_name, class_name = _KINDS.get(kind, ("_static", "NoticeView"))
        cls = getattr(import_module(f"termlit.tui.widgets.{module_name}"), class_name)
        _loaded[kind] = cls
    return cls

