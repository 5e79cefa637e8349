"""The three examples of the `st.fragment` documentation page, verbatim but for the import
(and a shorter sleep in the balloons example), shared by tests, benchmarks and notebooks."""

COUNTERS = '''
import nbfrag as st

if "app_runs" not in st.session_state:
    st.session_state.app_runs = 0
    st.session_state.fragment_runs = 0

@st.fragment
def my_fragment():
    st.session_state.fragment_runs += 1
    st.button("Rerun fragment")
    st.write(f"Fragment says it ran {st.session_state.fragment_runs} times.")

st.session_state.app_runs += 1
my_fragment()
st.button("Rerun full app")
st.write(f"Full app says it ran {st.session_state.app_runs} times.")
st.write(f"Full app sees that fragment ran {st.session_state.fragment_runs} times.")
'''

COUNT_TO_FIVE = '''
import nbfrag as st

if "clicks" not in st.session_state:
    st.session_state.clicks = 0

@st.fragment
def count_to_five():
    if st.button("Plus one!"):
        st.session_state.clicks += 1
        if st.session_state.clicks % 5 == 0:
            st.rerun()
    return

count_to_five()
st.header(f"Multiples of five clicks: {st.session_state.clicks // 5}")

if st.button("Check click count"):
    st.toast(f"## Total clicks: {st.session_state.clicks}")
'''

BALLOONS = '''
import nbfrag as st
import time

@st.fragment
def release_the_balloons():
    st.button("Release the balloons", help="Fragment rerun")
    st.balloons()

with st.spinner("Inflating balloons..."):
    time.sleep(0.01)
release_the_balloons()
st.button("Inflate more balloons", help="Full rerun")
'''

# The app of issue 15's first-render measurement: a sidebar, a fragment and 200 lines of text
# (benchmarks/bench_first_render.py, tests/test_kernel_first_render.py). 205 elements.
FIRST_RENDER_LINES = 200
FIRST_RENDER_ELEMENTS = FIRST_RENDER_LINES + 5  # + sidebar title and slider, fragment button and text, title
FIRST_RENDER = f'''
import nbfrag as st

st.title("Report")
with st.sidebar:
    st.header("Filters")
    level = st.slider("Level", 0, 10, 5)

@st.fragment
def counter():
    st.button("Count")
    st.write("Counted.")

counter()
for i in range({FIRST_RENDER_LINES}):
    st.text(f"line {{i}} at level {{level}}")
'''
