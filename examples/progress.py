"""A long run that shows progress: elements appear while it runs."""

import time

import termlit as st

st.title("Progress")
steps = st.slider("Steps", 1, 50, 10)
delay = st.number_input("Seconds per step", 0.0, 1.0, 0.05, step=0.05)

if st.button("Run the job"):
    bar = st.progress(0, text="Starting")
    with st.status("Crunching numbers", expanded=True) as status:
        for step in range(1, steps + 1):
            time.sleep(delay)
            bar.progress(step / steps, text=f"Step {step} of {steps}")
            if step % max(steps // 5, 1) == 0:
                st.write(f"Checkpoint at step {step}")
        status.update(label="Done", state="complete")
    with st.spinner("Tidying up"):
        time.sleep(delay)
    st.success(f"Finished {steps} steps")
    st.toast("Job finished")
else:
    st.info("Press the button to start; ctrl+c stops a run.")
